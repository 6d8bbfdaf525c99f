"""The whole product without a screen. Nothing below this package imports Qt."""
