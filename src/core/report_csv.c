/* report_csv: not written yet */
