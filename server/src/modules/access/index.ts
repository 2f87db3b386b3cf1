// The public face of the feature: other features import it from here, never its files.
