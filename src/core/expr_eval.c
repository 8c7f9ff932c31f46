/* expr_eval: not written yet */
