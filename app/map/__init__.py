"""The map of material movement without Qt: features and patches, after-action replay, MBTiles
packages, the offline assets and the page. The client's map widget (app/ui/map), the HTML export
and the tests build on it; importing it loads no Qt, which tests/test_layers.py checks."""
