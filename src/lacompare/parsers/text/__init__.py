"""Text helpers every parser shares: numbers, sentences, lines, benchmarks and metric words."""
