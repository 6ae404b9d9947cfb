@echo off
rem eas-net for Windows: builds eas-network-cli\target\eas-net.jar on first use, then runs it.
rem Delete the jar (or set EAS_NET_REBUILD=1) to rebuild after changing sources.
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%eas-network-cli\target\eas-net.jar"
if "%EAS_NET_REBUILD%"=="1" goto build
if exist "%JAR%" goto run
:build
echo eas-net: building the command line (first run) 1>&2
pushd "%ROOT%"
call mvnw.cmd -B -q -pl eas-network-cli -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
if errorlevel 1 (
  popd
  echo eas-net: the build failed 1>&2
  exit /b 3
)
popd
:run
rem the client compiler only and the serial collector: a short command starts sooner (BENCHMARKS.md, budget 3);
rem EAS_NET_JAVA_OPTS comes later, so it overrides them
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %EAS_NET_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
