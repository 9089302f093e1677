"""Fills gaps of the AWS API emulator (moto 5.2) that Dharma deploys into: ElastiCache and EC2.

AwsEmulator (io.dharma.terraform.emulator) writes this file next to its seeded AMIs and puts that
directory on the PYTHONPATH of the moto_server it starts, so Python imports it at start-up
(site.py imports any ``sitecustomize`` on the path). Nothing here touches the Terraform Dharma
generates: the emulator is made to answer the way AWS does.

What moto 5.2 gets wrong, and what happens here instead:

* CreateReplicationGroup lists member clusters (``<group>-001``, ...) in the group but creates none
  of them, so DescribeCacheClusters of a member (the AWS provider's read after create) answers
  CacheClusterNotFound. Here every member is created as a CacheCluster, as AWS does: the group's
  node type, engine and version, subnet group, security groups, encryption, port and tags,
  status ``available``, its replication group id set, one cache node with an endpoint. A
  non-clustered group also gets the ``num_cache_clusters`` members it asked for (moto creates
  the primary only unless ``replicas_per_node_group`` is given), in the zones of its subnet group
  rather than moto's fixed us-east-1a/b.
* DeleteReplicationGroup only marks the group ``deleting``; it stays so forever and a destroy
  never ends. Here the group and its member clusters are removed (the answer still says
  ``deleting``, as AWS's does), so DescribeReplicationGroups then answers ReplicationGroupNotFoundFault.
* DeleteCacheSubnetGroup is not implemented (a 500 the provider retries for half an hour). Here
  it deletes the group, or answers CacheSubnetGroupInUse while a cluster or group uses it.
* Every network interface has an Association, empty when it has no public IP; the provider reads
  that as ``associate_public_ip_address = true``, so every plan after the first replaces an
  instance created with ``false``. Here an interface without a public IP has none, as on AWS.
* An instance launched with NetworkInterfaces has its security groups on the interface only, so
  the provider reads ``vpc_security_group_ids`` back empty and every plan puts them back. Here the
  instance lists its primary interface's groups, as AWS does.

moto.elasticache.models and .responses are patched when moto imports them (moto_server loads a
service on its first request), so moto_server starts as fast as without this file. If moto's
internals are not what this was written against, one line on stderr (moto.log) says so and that
part of moto stays as it is.
"""

import inspect
import os
import sys

_MODELS = "moto.elasticache.models"
_RESPONSES = "moto.elasticache.responses"
_PREFIX = "dharma sitecustomize:"

# The AWS default when CreateReplicationGroup names no version, and the newest patch of a major
# given as "7.x": what DescribeCacheClusters reports as EngineVersion (the provider parses it).
_DEFAULT_VERSION = {"redis": "7.1.0", "valkey": "8.0.1", "memcached": "1.6.22"}
_LATEST_PATCH = {"redis": {"6": "6.2.6", "7": "7.1.0"}, "valkey": {"7": "7.2.6", "8": "8.0.1"}}

_GROUPS_UNPATCHED = "ElastiCache replication groups stay as moto has them (no member clusters, never deleted)"
_SUBNET_GROUPS_UNPATCHED = "DeleteCacheSubnetGroup stays unimplemented"


def _warn(message, consequence):
    print(f"{_PREFIX} {message}; {consequence}", file=sys.stderr, flush=True)


# -- the patch ------------------------------------------------------------------------------------

def _patch_models(module):
    backend_class = getattr(module, "ElastiCacheBackend", None)
    if backend_class is None:
        _warn(f"{_MODELS} has no ElastiCacheBackend", _GROUPS_UNPATCHED + "; " + _SUBNET_GROUPS_UNPATCHED)
        return
    _guarded(lambda: _patch_replication_groups(module, backend_class), _GROUPS_UNPATCHED)
    _guarded(lambda: _patch_subnet_groups(module, backend_class), _SUBNET_GROUPS_UNPATCHED)


def _guarded(patch, consequence):
    try:
        patch()
    except Exception as error:
        _warn(f"patching moto failed ({type(error).__name__}: {error})", consequence)


def _patch_replication_groups(module, backend_class):
    cluster_class = getattr(module, "CacheCluster", None)
    create = getattr(backend_class, "create_replication_group", None)
    delete = getattr(backend_class, "delete_replication_group", None)
    if cluster_class is None or create is None or delete is None:
        _warn(f"{_MODELS} has no CacheCluster, create_replication_group or delete_replication_group",
              _GROUPS_UNPATCHED)
        return
    cluster_parameters = inspect.signature(cluster_class.__init__).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in cluster_parameters.values())
    required = {name for name, p in cluster_parameters.items()
                if name != "self" and p.default is inspect.Parameter.empty
                and p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)}
    unknown = set(_CLUSTER_ARGUMENTS) - set(cluster_parameters) if not takes_any else set()
    missing = required - set(_CLUSTER_ARGUMENTS)
    if unknown or missing:
        _warn(f"moto's CacheCluster constructor changed (unknown {sorted(unknown)}, not given {sorted(missing)})",
              _GROUPS_UNPATCHED)
        return
    create_signature = inspect.signature(create)
    delete_signature = inspect.signature(delete)
    if "replication_group_id" not in delete_signature.parameters:
        _warn("moto's delete_replication_group takes no replication_group_id", _GROUPS_UNPATCHED)
        return

    def create_replication_group(self, *args, **kwargs):
        group = create(self, *args, **kwargs)
        try:
            arguments = create_signature.bind(self, *args, **kwargs).arguments
            _create_member_clusters(self, group, cluster_class, arguments)
        except Exception as error:  # an emulator gap must not become an emulator crash
            _warn(f"creating the member clusters of {getattr(group, 'replication_group_id', '?')} "
                  f"failed ({type(error).__name__}: {error})", "that group has none")
        return group

    def delete_replication_group(self, *args, **kwargs):
        arguments = delete_signature.bind(self, *args, **kwargs).arguments
        group_id = arguments.get("replication_group_id")
        group = self.replication_groups.get(group_id)
        members = _members(group) if group is not None else []
        deleted = delete(self, *args, **kwargs)  # validates, and answers with status "deleting"
        try:
            _remove(self, group, members, bool(arguments.get("retain_primary_cluster")))
        except Exception as error:
            _warn(f"removing replication group {group_id} failed ({type(error).__name__}: {error})",
                  "it stays, deleting")
        return deleted

    create_replication_group.__wrapped__ = create
    delete_replication_group.__wrapped__ = delete
    backend_class.create_replication_group = create_replication_group
    backend_class.delete_replication_group = delete_replication_group


def _patch_subnet_groups(module, backend_class):
    if hasattr(backend_class, "delete_cache_subnet_group"):
        return  # moto has its own by now
    not_found = getattr(module, "CacheSubnetGroupNotFound", None)
    exceptions = sys.modules.get("moto.elasticache.exceptions")
    base = getattr(exceptions, "ElastiCacheException", None)
    if not_found is None or base is None:
        _warn("moto.elasticache has no CacheSubnetGroupNotFound or ElastiCacheException", _SUBNET_GROUPS_UNPATCHED)
        return

    class CacheSubnetGroupInUse(base):
        code = "CacheSubnetGroupInUse"

        def __init__(self, name):
            super().__init__(f"Cache subnet group {name} is currently in use by a cache cluster.")

    def delete_cache_subnet_group(self, cache_subnet_group_name):
        subnet_group = self.cache_subnet_groups.get(cache_subnet_group_name)
        if subnet_group is None:
            raise not_found(cache_subnet_group_name)
        users = list(self.cache_clusters.values()) + list(self.replication_groups.values())
        if any(getattr(user, "cache_subnet_group_name", None) == cache_subnet_group_name for user in users):
            raise CacheSubnetGroupInUse(cache_subnet_group_name)
        del self.cache_subnet_groups[cache_subnet_group_name]
        self.tagging_service.delete_all_tags_for_resource(subnet_group.arn)
        return subnet_group

    backend_class.delete_cache_subnet_group = delete_cache_subnet_group


def _patch_responses(module):
    response_class = getattr(module, "ElastiCacheResponse", None)
    if response_class is None:
        _warn(f"{_RESPONSES} has no ElastiCacheResponse", _SUBNET_GROUPS_UNPATCHED)
        return
    if hasattr(response_class, "delete_cache_subnet_group"):
        return
    from moto.core.responses import EmptyResult

    def delete_cache_subnet_group(self):
        self.elasticache_backend.delete_cache_subnet_group(self._get_param("CacheSubnetGroupName"))
        return EmptyResult()  # DeleteCacheSubnetGroup has no output

    response_class.delete_cache_subnet_group = delete_cache_subnet_group


# Every argument CacheCluster's constructor takes in moto 5.2 (all required there).
_CLUSTER_ARGUMENTS = (
    "account_id", "region_name", "cache_cluster_id", "cache_node_type", "replication_group_id", "az_mode",
    "preferred_availability_zone", "num_cache_nodes", "engine", "engine_version", "cache_parameter_group_name",
    "cache_subnet_group_name", "transit_encryption_enabled", "network_type", "ip_discovery", "snapshot_name",
    "preferred_maintenance_window", "port", "notification_topic_arn", "auto_minor_version_upgrade",
    "snapshot_retention_limit", "snapshot_window", "auth_token", "outpost_mode", "preferred_outpost_arn",
    "preferred_availability_zones", "cache_security_group_names", "security_group_ids", "tags", "snapshot_arns",
    "preferred_outpost_arns", "log_delivery_configurations", "cache_node_ids_to_remove", "cache_node_ids_to_reboot",
)


def _members(group):
    """(node group member dict, cluster id) of every member, primaries first as moto lists them."""
    return [(member, member["cache_cluster_id"])
            for node_group in group.node_groups for member in node_group["node_group_members"]]


def _create_member_clusters(backend, group, cluster_class, arguments):
    if group.cluster_mode != "enabled" and len(group.node_groups) == 1 and not arguments.get("replicas_per_node_group"):
        _add_missing_replicas(group, group.node_groups[0], arguments.get("num_cache_clusters") or 1)
    for node_group in group.node_groups:  # moto keeps the reader endpoint under a name its answer never reads
        if node_group.get("reader_endpoint_address") and not node_group.get("reader_endpoint"):
            node_group["reader_endpoint"] = {"address": node_group["reader_endpoint_address"], "port": group.port}
    zones = _subnet_group_zones(backend, group.cache_subnet_group_name) or [backend.region_name + "a"]
    engine = group.engine or "redis"
    version = _engine_version(engine, group.engine_version)
    parameter_group = group.cache_parameter_group_name or f"default.{engine}{version.split('.')[0]}" + (
        ".cluster.on" if group.cluster_mode == "enabled" else "")
    for index, (member, cluster_id) in enumerate(_members(group)):
        zone = member.get("preferred_availability_zone")
        if not zone or not zone.startswith(backend.region_name):  # moto's us-east-1a/b, whatever the region
            zone = zones[index % len(zones)]
            member["preferred_availability_zone"] = zone
        existing = backend.cache_clusters.get(cluster_id)
        if existing is not None:  # a cluster named as the group's primary: it joins the group
            existing.replication_group_id = group.replication_group_id
            continue
        cluster = cluster_class(
            account_id=backend.account_id,
            region_name=backend.region_name,
            cache_cluster_id=cluster_id,
            cache_node_type=group.cache_node_type,
            replication_group_id=group.replication_group_id,
            az_mode="single-az",
            preferred_availability_zone=zone,
            num_cache_nodes=1,
            engine=engine,
            engine_version=version,
            cache_parameter_group_name=parameter_group,
            cache_subnet_group_name=group.cache_subnet_group_name,
            transit_encryption_enabled=group.transit_encryption_enabled,
            network_type=group.network_type,
            ip_discovery=group.ip_discovery,
            snapshot_name=None,
            preferred_maintenance_window=group.preferred_maintenance_window or "sun:05:00-sun:06:00",
            port=group.port,
            notification_topic_arn=group.notification_topic_arn,
            auto_minor_version_upgrade=True if group.auto_minor_version_upgrade is None else group.auto_minor_version_upgrade,
            snapshot_retention_limit=group.snapshot_retention_limit,
            snapshot_window=group.snapshot_window,
            auth_token=None,
            outpost_mode=None,
            preferred_outpost_arn=member.get("preferred_outpost_arn"),
            preferred_availability_zones=None,
            cache_security_group_names=group.cache_security_group_names,
            security_group_ids=group.security_group_ids,
            tags=list(group.tags or []),
            snapshot_arns=None,
            preferred_outpost_arns=None,
            log_delivery_configurations=[],
            cache_node_ids_to_remove=None,
            cache_node_ids_to_reboot=None,
        )
        # What DescribeCacheClusters answers that moto's CacheCluster leaves out or sets only for redis.
        cluster.replication_group_id = group.replication_group_id
        cluster.num_cache_nodes = 1
        cluster.engine_version = version
        cluster.cache_cluster_status = "available"
        cluster.at_rest_encryption_enabled = bool(group.at_rest_encryption_enabled)
        cluster.transit_encryption_enabled = bool(group.transit_encryption_enabled)
        cluster.transit_encryption_mode = group.transit_encryption_mode or (
            "required" if group.transit_encryption_enabled else None)
        cluster.auth_token_enabled = bool(group.auth_token_enabled)
        cluster.replication_group_log_delivery_enabled = bool(group.log_delivery_configurations)
        cluster.security_groups = [{"SecurityGroupId": sg, "Status": "active"} for sg in group.security_group_ids or []]
        cluster.cache_parameter_group = {"CacheParameterGroupName": parameter_group,
                                         "ParameterApplyStatus": "in-sync", "CacheNodeIdsToReboot": []}
        endpoint = (member.get("read_endpoint") or {}).get("address") or f"{cluster_id}.dharma.cache.amazonaws.com"
        cluster.cache_nodes = [{
            "CacheNodeId": "0001",
            "CacheNodeStatus": "available",
            "CacheNodeCreateTime": cluster.cache_cluster_create_time,
            "Endpoint": {"Address": endpoint, "Port": group.port},
            "ParameterGroupStatus": "in-sync",
            "CustomerAvailabilityZone": zone,
        }]
        if cluster.tags:
            backend.tagging_service.tag_resource(cluster.arn, cluster.tags)
        backend.cache_clusters[cluster_id] = cluster


def _add_missing_replicas(group, node_group, wanted):
    """The replicas of num_cache_clusters, in moto's own member format (ids <group>-002, -003, ...)."""
    members = node_group["node_group_members"]
    if not members or len(members) >= wanted:
        return
    primary = members[0]
    address = (primary.get("read_endpoint") or {}).get("address", "")
    domain = address.split(".", 1)[1] if "." in address else "dharma.cache.amazonaws.com"
    for number in range(len(members) + 1, wanted + 1):
        cluster_id = f"{group.replication_group_id}-{number:03d}"
        members.append({
            "cache_cluster_id": cluster_id,
            "cache_node_id": node_group["node_group_id"],
            "read_endpoint": {"address": f"{cluster_id}.{domain}", "port": group.port},
            "preferred_availability_zone": None,
            "current_role": "replica",
        })
        group.member_clusters.append(cluster_id)
    if group.snapshot_retention_limit and len(group.member_clusters) > 1:
        group.snapshotting_cluster_id = group.member_clusters[1]


def _subnet_group_zones(backend, name):
    subnet_group = backend.cache_subnet_groups.get(name) if name else None
    zones = []
    for subnet in getattr(subnet_group, "subnets", None) or []:
        zone = subnet.get("subnet_availability_zone") if isinstance(subnet, dict) else None
        if isinstance(zone, str) and zone.startswith(backend.region_name) and zone not in zones:
            zones.append(zone)
    return zones


def _engine_version(engine, requested):
    if not requested:
        return _DEFAULT_VERSION.get(engine, "7.1.0")
    parts = requested.split(".")
    if len(parts) == 2 and parts[1] == "x":
        return _LATEST_PATCH.get(engine, {}).get(parts[0], parts[0] + ".0.0")
    if len(parts) == 2 and all(part.isdigit() for part in parts):
        return requested + ".0"  # AWS answers 7.1.0 for a group created with 7.1
    return requested


def _remove(backend, group, members, retain_primary):
    if group is None:
        return
    for index, (_, cluster_id) in enumerate(members):
        cluster = backend.cache_clusters.get(cluster_id)
        if cluster is None:
            continue
        if retain_primary and index == 0:  # RetainPrimaryCluster: it stays, on its own
            cluster.replication_group_id = None
            continue
        del backend.cache_clusters[cluster_id]
        backend.tagging_service.delete_all_tags_for_resource(cluster.arn)
    backend.replication_groups.pop(group.replication_group_id, None)
    backend.tagging_service.delete_all_tags_for_resource(group.arn)


# -- EC2: no public IP, no association ------------------------------------------------------------

_ENI = "moto.ec2.models.elastic_network_interfaces"
_ENI_UNPATCHED = ("an instance without a public IP keeps an empty Association, which the AWS provider reads as "
                  "associate_public_ip_address = true (every plan then replaces the instance)")


def _patch_network_interfaces(module):
    """moto 5.2 gives every network interface an Association, empty ({}) when it has no public IP;
    AWS gives none. The provider takes any Association for a public IP, so an instance created
    with associate_public_ip_address = false reads back true and each later plan replaces it."""
    interface_class = getattr(module, "NetworkInterface", None)
    association = getattr(interface_class, "association", None) if interface_class else None
    if not isinstance(association, property):
        _warn(f"{_ENI} has no NetworkInterface.association property", _ENI_UNPATCHED)
        return
    interface_class.association = property(lambda self: association.fget(self) or None)


_INSTANCES = "moto.ec2.models.instances"
_INSTANCES_UNPATCHED = ("an instance launched with a network interface lists no security groups of its own, so every "
                        "plan puts its vpc_security_group_ids back")


def _patch_instances(module):
    """moto 5.2 gives an instance launched with NetworkInterfaces (how the provider launches one with
    associate_public_ip_address set) its groups on the interface only; AWS lists the primary
    interface's groups as the instance's SecurityGroups, which the provider reads back."""
    instance_class = getattr(module, "Instance", None)
    prep_nics = getattr(instance_class, "prep_nics", None) if instance_class else None
    if prep_nics is None:
        _warn(f"{_INSTANCES} has no Instance.prep_nics", _INSTANCES_UNPATCHED)
        return

    def prep_nics_with_groups(self, *args, **kwargs):
        result = prep_nics(self, *args, **kwargs)
        primary = getattr(self, "nics", {}).get(0)
        if not getattr(self, "security_groups", None) and primary is not None:
            self.security_groups = list(getattr(primary, "_group_set", []))
        return result

    instance_class.prep_nics = prep_nics_with_groups


# -- applying them when moto imports its modules ---------------------------------------------------

_PATCHES = {_MODELS: (_patch_models, _GROUPS_UNPATCHED + "; " + _SUBNET_GROUPS_UNPATCHED),
            _RESPONSES: (_patch_responses, _SUBNET_GROUPS_UNPATCHED),
            _ENI: (_patch_network_interfaces, _ENI_UNPATCHED),
            _INSTANCES: (_patch_instances, _INSTANCES_UNPATCHED)}


def _apply(name, module):
    patch, consequence = _PATCHES[name]
    _guarded(lambda: patch(module), consequence)


class _PatchingLoader:
    """The real loader of a module of _PATCHES; patches the module once it has run."""

    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _apply(self._name, module)

    def __getattr__(self, name):  # get_source, get_filename, ... for tracebacks and inspect
        return getattr(self._loader, name)


class _PatchOnImport:
    """A meta path finder that wraps only the loaders of the modules of _PATCHES, each once."""

    def __init__(self, names):
        self._pending = set(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self._pending:
            return None
        self._pending.discard(fullname)
        if not self._pending and self in sys.meta_path:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find_spec(fullname, path, target) if find_spec else None
            if spec is not None:
                if spec.loader is None or not hasattr(spec.loader, "exec_module"):
                    _warn(f"{fullname} has no loader that can be wrapped", _PATCHES[fullname][1])
                    return spec
                spec.loader = _PatchingLoader(spec.loader, fullname)
                return spec
        return None

    def invalidate_caches(self):
        pass


def _run_shadowed_sitecustomize():
    """This file hides any other sitecustomize further down sys.path: run it, as Python would have."""
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path[:]:
        directory = os.path.abspath(entry or os.curdir)
        candidate = os.path.join(directory, "sitecustomize.py")
        if directory != here and os.path.isfile(candidate):
            import runpy
            try:
                runpy.run_path(candidate, run_name="sitecustomize")
            except Exception as error:
                print(f"{_PREFIX} {candidate} failed ({type(error).__name__}: {error})", file=sys.stderr, flush=True)
            return


_LATER = [name for name in _PATCHES if name not in sys.modules]
for _name in _PATCHES:
    if _name in sys.modules:  # imported already (never so in moto_server): patched in place
        _apply(_name, sys.modules[_name])
if _LATER:
    sys.meta_path.insert(0, _PatchOnImport(_LATER))
_run_shadowed_sitecustomize()
