/* fsutil: not written yet */
