"""The loop both oracle drivers share: read the projects, give each one 20 seconds, print HNL-PROJECT and HNL-END."""
import json
import signal
import sys


def _timed_out(signum, frame):
    raise TimeoutError('the tool took more than 20 seconds on this project')


def each_project(version, load):
    """Prints HNL-VERSION, then calls load(project) for every project in the file sys.argv[1] names.

    load prints what the tool made of the project; any exception (the tools report bad files with many types) or a
    non-zero exit means the tool rejects the project."""
    signal.signal(signal.SIGALRM, _timed_out)
    print('HNL-VERSION ' + json.dumps(version), flush=True)
    with open(sys.argv[1], encoding='utf-8') as stream:
        projects = [json.loads(line) for line in stream if line.strip()]
    for project in projects:
        print('HNL-PROJECT ' + json.dumps(project['id']), flush=True)
        status, message = 'ok', ''
        signal.alarm(20)
        try:
            load(project)
        except SystemExit as e:
            if e.code not in (None, 0):
                status, message = 'rejected', 'exit ' + str(e.code)
        except BaseException as e:
            status, message = 'rejected', type(e).__name__ + ': ' + (str(e).splitlines() or [''])[0]
        finally:
            signal.alarm(0)
        print('HNL-END ' + json.dumps({'status': status, 'message': message}), flush=True)
