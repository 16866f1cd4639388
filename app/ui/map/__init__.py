"""The map's Qt parts only: the rlmap:// scheme handler, the view and its installation in the main
window. Everything that needs no Qt (features, replay, MBTiles, assets, page) is in app/map."""
