"""The map of material movement: pure feature building (features, replay, mbtiles, assets, page)
and thin Qt parts (scheme, view, install). Importing this package loads no Qt."""
