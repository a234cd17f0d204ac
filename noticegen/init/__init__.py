"""`noticegen init`'s machinery: the interview, the starter table and a commented-YAML writer."""
