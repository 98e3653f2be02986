"""Loads many projects with the installed docker-compose (v1, what `docker-compose config` does, without a daemon)
and prints each service's network settings after merges, extends and interpolation.

Used by PodmanComposeOracleTests. Usage: python3 docker_compose_oracle.py PROJECTS.jsonl
Each input line is {"id": ..., "dir": ..., "files": [...]}. Output lines: HNL-VERSION, then per project HNL-PROJECT,
HNL-SERVICES ({service: {"network_mode", "container_name", "networks": [{"key", "name", "external"}]}}) when it loads,
and HNL-END ({"status": "ok" | "rejected", "message"}). One process for all projects.
"""
import json
import os

from compose import __version__ as version
from compose.cli.command import get_config_from_options

from oracle_projects import each_project


def config(project):
    os.chdir(project['dir'])
    loaded = get_config_from_options(project['dir'], {'--file': project['files']})
    declared = loaded.networks or {}
    services = {}
    for service in loaded.services:
        networks = []
        for key in service.get('networks') or {}:
            desc = declared.get(key) or {}
            external = desc.get('external')
            name = (desc.get('name') or (external.get('name') if isinstance(external, dict) else None)
                    or desc.get('external_name') or key)
            networks.append({'key': key, 'name': name, 'external': bool(external)})
        services[service['name']] = {
            'network_mode': service.get('network_mode'),
            'container_name': service.get('container_name'),
            'networks': networks,
        }
    print('HNL-SERVICES ' + json.dumps(services), flush=True)


each_project(version, config)
