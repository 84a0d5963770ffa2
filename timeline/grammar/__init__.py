"""The language-free grammar: rule templates become bounded regexes (patterns), and a rule's
matched roles become an underspecified meaning (productions -> specs)."""
