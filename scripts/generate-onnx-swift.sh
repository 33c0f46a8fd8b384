#!/usr/bin/env bash
# Regenerates Sources/NeuralKit/ONNX/Onnx.pb.swift from the onnx.proto shipped in the `onnx`
# Python package. Needs protoc (Debian: protobuf-compiler) and a protoc-gen-swift binary built
# from swift-protobuf (pass its path as $1). Run rarely; the generated file is committed.
set -euo pipefail
plugin=${1:?usage: $0 PATH/TO/protoc-gen-swift}
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/scripts/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q onnx
proto_dir=$("$venv/bin/python" -c 'import onnx, os; print(os.path.dirname(onnx.__file__))')
version=$("$venv/bin/python" -c 'import onnx; print(onnx.__version__)')
work=$(mktemp -d)
cp "$proto_dir/onnx.proto" "$work/"
(cd "$work" && protoc --plugin="$plugin" --swift_out=. onnx.proto)
out="$root/Sources/NeuralKit/ONNX/Onnx.pb.swift"
{
  echo "// Swift types for the ONNX protobuf schema, generated once by $(protoc --version) with"
  echo "// protoc-gen-swift from onnx/onnx.proto as shipped in the \`onnx\` Python package, version $version"
  echo "// (https://github.com/onnx/onnx, Copyright (c) ONNX Project Contributors, licensed under the"
  echo "// Apache License 2.0, SPDX-License-Identifier: Apache-2.0). Regenerate with scripts/generate-onnx-swift.sh."
  echo
  cat "$work/onnx.pb.swift"
} > "$out"
rm -rf "$work"
echo "wrote $out"
