/* expr_lex: not written yet */
