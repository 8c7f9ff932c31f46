/* report_html: not written yet */
