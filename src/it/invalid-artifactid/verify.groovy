// The build failed (invoker.buildResult.1 = failure); check why, and that nothing was left.
String log = new File(basedir, 'build.log').getText('UTF-8')
String expected = "Invalid artifactId 'bad name': use only letters, digits"
assert log.contains(expected) : "build.log does not name the bad artifactId; expected: ${expected}"
assert !new File(basedir, 'bad name').exists() : "the half-written project 'bad name/' was left behind"
assert !new File(basedir, 'pom.xml').exists()
println 'invalid-artifactid: refused with a clear message, nothing left behind'
return true
