/* paths: not written yet */
