"""Use cases: each joins the store and the domain rules to do one thing; commands and screens both call them."""
