/* expr_parse: not written yet */
