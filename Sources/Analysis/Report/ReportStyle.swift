/// The report's inline style sheet: readable on screen, one session per printed page.
enum ReportStyle {
    static let css = """
    body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:14px;color:#111;max-width:980px;margin:0 auto;padding:16px;line-height:1.4}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:2px solid #0072B2;padding-bottom:2px;margin-top:32px}
    h3{font-size:15px;margin:18px 0 6px}
    table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
    th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
    thead th{background:#eef3f8}table.facts th{background:#f6f6f6;font-weight:600;white-space:nowrap}
    td{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
    figure{margin:8px 0}svg.plot{max-width:100%;height:auto;background:#fff}
    .plot-title{font-size:13px;font-weight:600}.tick{font-size:11px;fill:#333}.axis-label{font-size:12px}.legend{font-size:11px}
    .warning{background:#fff4e0;border-left:4px solid #E69F00;padding:4px 8px}
    .note{color:#555;font-size:12px}pre{white-space:pre-wrap;font-size:11px;background:#f6f6f6;padding:6px}
    nav ul{columns:3;font-size:13px}
    @media print{body{max-width:none;padding:0;font-size:11px}section.session,section.participant{break-before:page}
    figure,table{break-inside:avoid}details>pre{display:none}a{color:inherit;text-decoration:none}}
    """
}
