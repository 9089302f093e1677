data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.9.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-redis-main"
  }
}

resource "aws_subnet" "data_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.9.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-redis-data-a"
  }
}

resource "aws_subnet" "data_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.9.2.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-redis-data-b"
  }
}

resource "aws_elasticache_subnet_group" "sessions" {
  name       = "case-redis-sessions"
  subnet_ids = [aws_subnet.data_a.id, aws_subnet.data_b.id]
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "case-redis-sessions"
  description                = "Redis cache sessions of blueprint case-redis"
  engine                     = "redis"
  engine_version             = "6.2"
  node_type                  = "cache.t3.medium"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  port                       = 6379

  subnet_group_name = aws_elasticache_subnet_group.sessions.name

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
