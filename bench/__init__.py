"""The network benchmark (issue 6, part 1): ``make bench``; see bench/README.md."""
