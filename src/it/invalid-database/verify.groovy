// The build failed (invoker.buildResult.1 = failure); check why, and that nothing was left.
String log = new File(basedir, 'build.log').getText('UTF-8')
String expected = "Invalid database 'oracle': use h2 (embedded, the default), postgresql or mysql"
assert log.contains(expected) : "build.log does not name the bad database; expected: ${expected}"
assert !new File(basedir, 'bad-database').exists() : 'the half-written project bad-database/ was left behind'
println 'invalid-database: refused with a clear message, nothing left behind'
return true
