"""What every scenario of the benchmark uses: the settings, the log, the servers, the load generators, the builds and
the H2 databases. The scenarios themselves are in bench/scenarios; bench/bench.py runs them in order."""
