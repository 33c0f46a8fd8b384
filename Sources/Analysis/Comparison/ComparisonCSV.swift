extension ModelComparison {
    /// Tidy CSV: one row per layer and test condition, with the layer's scores repeated on each of its
    /// rows. Columns carry their units; an undefined value is an empty field.
    public var csv: String {
        let number = CSVText.number
        let observedColumn = "observed_shift" + (unit.isEmpty ? "" : "_" + unit)
        var lines = ["layer,\(CSVText.field(conditionKey)),predicted_shift_dkl_lm,\(CSVText.field(observedColumn)),participants,"
                     + "spearman_rho,spearman_ci95_lower,spearman_ci95_upper,noise_ceiling_mean,noise_ceiling_lowest,noise_ceiling_highest,"
                     + "rho_over_ceiling,rdm_spearman_rho"]
        for layer in layers {
            for (i, condition) in conditions.enumerated() {
                lines.append([CSVText.field(layer.name), number(condition), number(layer.predicted[i]), number(groupMean[i]),
                              String(observed.count), number(layer.spearman?.value), number(layer.spearman?.lower),
                              number(layer.spearman?.upper), number(ceiling?.mean), number(ceiling?.lowest), number(ceiling?.highest),
                              number(layer.ceilingNormalized), number(layer.rdmSpearman)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
