"""The figures: working days (`workdays`, over the official calendar `officialcal`), periods,
statistics, on-time figures, the law in force on a date (`legal`), dated report scopes (`scopes`),
compliance and the consistency warnings. Pure functions of the model; the site shows them.
"""
