// The build failed (invoker.buildResult.1 = failure); check why, and that nothing was left.
String log = new File(basedir, 'build.log').getText('UTF-8')
String expected = "Invalid samples 'yes': use false (the server alone, the default) or true"
assert log.contains(expected) : "build.log does not name the bad samples value; expected: ${expected}"
assert !new File(basedir, 'bad-samples').exists() : 'the half-written project bad-samples/ was left behind'
println 'invalid-samples: refused with a clear message, nothing left behind'
return true
