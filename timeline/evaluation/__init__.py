"""Measuring: TempEval-3 scores on gold TimeML or JSON, resolution cases, baselines."""
