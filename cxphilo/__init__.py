"""cxphilo: write, check and publish a customer service philosophy."""

__version__ = "0.1.0"
