"""The benchmark's parts, one module each, in the order bench/bench.py runs them: limits, authforge (with token_load,
sign_in, class_data_sharing), es256, stored (with cleanup), minimal, keycloak, alternation."""
