/* yamltree: not written yet */
