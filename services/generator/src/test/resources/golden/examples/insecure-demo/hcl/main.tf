data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ami" "ubuntu_22_04" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

data "aws_iam_policy_document" "public_files_public_read" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.public_files.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_vpc" "demo_net" {
  cidr_block           = "10.99.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "insecure-demo-demo-net"
  }
}

resource "aws_internet_gateway" "demo_net" {
  vpc_id = aws_vpc.demo_net.id

  tags = {
    Name = "insecure-demo-demo-net"
  }
}

resource "aws_route_table" "demo_net_public" {
  vpc_id = aws_vpc.demo_net.id

  tags = {
    Name = "insecure-demo-demo-net-public"
  }
}

resource "aws_route" "demo_net_internet" {
  route_table_id         = aws_route_table.demo_net_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.demo_net.id
}

resource "aws_subnet" "demo_public" {
  vpc_id                  = aws_vpc.demo_net.id
  cidr_block              = "10.99.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "insecure-demo-demo-public"
  }
}

resource "aws_route_table_association" "demo_public" {
  subnet_id      = aws_subnet.demo_public.id
  route_table_id = aws_route_table.demo_net_public.id
}

resource "aws_security_group" "wide_open" {
  name        = "insecure-demo-wide-open"
  description = "Firewall wide-open of blueprint insecure-demo"
  vpc_id      = aws_vpc.demo_net.id

  tags = {
    Name = "insecure-demo-wide-open"
  }
}

resource "aws_vpc_security_group_ingress_rule" "wide_open_ingress" {
  for_each = {
    "tcp-22-0.0.0.0/0" = {
      description = "SSH from anywhere"
      ip_protocol = "tcp"
      from_port   = 22
      to_port     = 22
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-22-::/0" = {
      description = "SSH from anywhere"
      ip_protocol = "tcp"
      from_port   = 22
      to_port     = 22
      cidr_ipv4   = null
      cidr_ipv6   = "::/0"
    }
    "tcp-3389-0.0.0.0/0" = {
      description = "RDP from anywhere"
      ip_protocol = "tcp"
      from_port   = 3389
      to_port     = 3389
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-5432-0.0.0.0/0" = {
      description = "the database straight from the internet"
      ip_protocol = "tcp"
      from_port   = 5432
      to_port     = 5432
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.wide_open.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_vpc_security_group_egress_rule" "wide_open_egress" {
  for_each = {
    "all-0.0.0.0/0" = {
      description = null
      ip_protocol = "-1"
      from_port   = null
      to_port     = null
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.wide_open.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_instance" "jumpbox" {
  count = 1

  ami                         = data.aws_ami.ubuntu_22_04.id
  instance_type               = "m6i.2xlarge"
  subnet_id                   = aws_subnet.demo_public.id
  vpc_security_group_ids      = [aws_security_group.wide_open.id]
  associate_public_ip_address = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_size = 30
    volume_type = "gp3"
  }

  tags = {
    Name = "insecure-demo-jumpbox-${count.index}"
  }
}

resource "aws_subnet" "legacy_db_zone_b" {
  vpc_id                  = aws_vpc.demo_net.id
  cidr_block              = "10.99.255.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "insecure-demo-legacy-db-zone-b"
  }
}

resource "aws_db_subnet_group" "legacy_db" {
  name       = "insecure-demo-legacy-db"
  subnet_ids = [aws_subnet.demo_public.id, aws_subnet.legacy_db_zone_b.id]
}

resource "aws_db_instance" "legacy_db" {
  identifier              = "insecure-demo-legacy-db"
  engine                  = "postgres"
  engine_version          = "14"
  instance_class          = "db.t3.medium"
  allocated_storage       = 20
  storage_type            = "gp3"
  storage_encrypted       = false
  multi_az                = false
  backup_retention_period = 0

  db_subnet_group_name   = aws_db_subnet_group.legacy_db.name
  vpc_security_group_ids = [aws_security_group.wide_open.id]
  publicly_accessible    = false

  username                    = "dbadmin"
  manage_master_user_password = true

  copy_tags_to_snapshot = true
  deletion_protection   = false
  skip_final_snapshot   = true
}

resource "aws_s3_bucket" "public_files" {
  bucket_prefix = "insecure-demo-public-files-"
  force_destroy = false
}

resource "aws_s3_bucket_public_access_block" "public_files" {
  bucket                  = aws_s3_bucket.public_files.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "public_files" {
  bucket = aws_s3_bucket.public_files.id
  policy = data.aws_iam_policy_document.public_files_public_read.json

  depends_on = [aws_s3_bucket_public_access_block.public_files]
}
