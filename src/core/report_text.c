/* report_text: not written yet */
