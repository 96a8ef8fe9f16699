"""`python -m bench.compare` is `python -m bench.compare.compare`."""

from bench.compare.compare import main

if __name__ == "__main__":
    main()
