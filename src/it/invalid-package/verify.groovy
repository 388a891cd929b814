// The build failed (invoker.buildResult.1 = failure); check why, and that nothing was left.
String log = new File(basedir, 'build.log').getText('UTF-8')
String expected = "Invalid package 'com.example.1bad': each dot-separated part must be a Java identifier"
assert log.contains(expected) : "build.log does not name the bad package; expected: ${expected}"
assert !new File(basedir, 'bad-package').exists() : 'the half-written project bad-package/ was left behind'
assert !new File(basedir, 'pom.xml').exists()
println 'invalid-package: refused with a clear message, nothing left behind'
return true
