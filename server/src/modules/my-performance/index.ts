// The public face of the feature: it has none beyond its subscription, which the api floor composes.
export {};
