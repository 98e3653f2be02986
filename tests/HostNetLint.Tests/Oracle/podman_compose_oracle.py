"""Runs the installed podman-compose's own `--dry-run up` on many projects and prints each container's podman options.

Used by PodmanComposeOracleTests. Usage: python3 podman_compose_oracle.py PROJECTS.jsonl
Each input line is {"id": ..., "dir": ..., "files": [...]}. Output lines start with HNL-: HNL-VERSION, then per project
HNL-PROJECT, one HNL-CONTAINER per container ({"service", "options"}: podman-compose's arguments before the image),
and HNL-END ({"status": "ok" | "rejected", "message"}).

`podman-compose --dry-run up` is not side-effect free: it runs `podman network exists/create` and `podman volume
inspect/create` for real and creates missing bind-mount sources on the host (os.makedirs). So podman is /bin/true
(--podman-path), makedirs does nothing, and each project gets a fresh PodmanCompose in this one process (a child per
project would cost a second each). Supported: the synchronous 1.0.x releases (Debian 12 ships 1.0.3).
"""
import inspect
import json
import os
import shlex
import sys

from oracle_projects import each_project

os.makedirs = lambda *args, **kwargs: None

import podman_compose as pc  # noqa: E402

original_container_to_args = pc.container_to_args


def container_to_args(compose, cnt, *args, **kwargs):
    podman_args = original_container_to_args(compose, cnt, *args, **kwargs)
    command = cnt.get('command') or []
    command_words = len(shlex.split(command) if isinstance(command, str) else command)
    # container_to_args ends with the image and the command; what comes before are podman's options.
    options = [str(a) for a in podman_args[:len(podman_args) - 1 - command_words]]
    print('HNL-CONTAINER ' + json.dumps({'service': cnt['_service'], 'options': options}), flush=True)
    return podman_args


pc.container_to_args = container_to_args


def dry_run_up(project):
    compose = pc.PodmanCompose()
    compose.commands = pc.podman_compose.commands
    sys.argv = ['podman-compose', '--podman-path', '/bin/true', '--dry-run']
    for file in project['files']:
        sys.argv += ['-f', file]
    sys.argv += ['up', '--no-build', '-d']
    os.chdir(project['dir'])
    compose.run()


if inspect.iscoroutinefunction(pc.PodmanCompose.run):
    print('HNL-UNSUPPORTED ' + json.dumps(f'podman-compose {pc.__version__} runs asynchronously (1.1.0 and later); '
                                          'this driver runs the synchronous 1.0.x releases'), flush=True)
    sys.exit(0)

each_project(pc.__version__, dry_run_up)
