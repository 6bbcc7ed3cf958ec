"""The satisfaction survey (SKM) and its index (IKM), PermenPANRB 14/2017: no Qt here."""
