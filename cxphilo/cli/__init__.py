"""The command line: options in, one call to the core, the result out."""
