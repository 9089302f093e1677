data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ami" "ubuntu_24_04" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

data "aws_route53_zone" "shop_example_com" {
  name         = "shop.example.com"
  private_zone = false
}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "shop-web-emu-main"
  }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "shop-web-emu-main"
  }
}

resource "aws_route_table" "main_public" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "shop-web-emu-main-public"
  }
}

resource "aws_route" "main_internet" {
  route_table_id         = aws_route_table.main_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

resource "aws_subnet" "public_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.20.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "shop-web-emu-public-a"
  }
}

resource "aws_route_table_association" "public_a" {
  subnet_id      = aws_subnet.public_a.id
  route_table_id = aws_route_table.main_public.id
}

resource "aws_subnet" "public_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.20.2.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "shop-web-emu-public-b"
  }
}

resource "aws_route_table_association" "public_b" {
  subnet_id      = aws_subnet.public_b.id
  route_table_id = aws_route_table.main_public.id
}

resource "aws_subnet" "private_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.20.11.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 2)
  map_public_ip_on_launch = false

  tags = {
    Name = "shop-web-emu-private-a"
  }
}

resource "aws_instance" "web" {
  count = 2

  ami                         = data.aws_ami.ubuntu_24_04.id
  instance_type               = "t3.small"
  subnet_id                   = aws_subnet.private_a.id
  vpc_security_group_ids      = [aws_security_group.app_fw.id]
  associate_public_ip_address = false

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
    Name = "shop-web-emu-web-${count.index}"
  }
}

resource "aws_lb" "web_lb" {
  name                       = "shop-web-emu-web-lb"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = [aws_subnet.public_a.id, aws_subnet.public_b.id]
  security_groups            = [aws_security_group.web_fw.id]
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "web_lb_http_80" {
  name        = "shop-web-emu-web-lb-http-80"
  port        = 80
  protocol    = "HTTP"
  vpc_id      = aws_vpc.main.id
  target_type = "instance"
}

resource "aws_lb_listener" "web_lb_http_80" {
  load_balancer_arn = aws_lb.web_lb.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web_lb_http_80.arn
  }
}

resource "aws_lb_target_group_attachment" "web_lb_http_80_web" {
  count = 2

  target_group_arn = aws_lb_target_group.web_lb_http_80.arn
  target_id        = aws_instance.web[count.index].id
  port             = 80
}

resource "aws_security_group" "web_fw" {
  name        = "shop-web-emu-web-fw"
  description = "Firewall web-fw of blueprint shop-web-emu"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "shop-web-emu-web-fw"
  }
}

resource "aws_vpc_security_group_ingress_rule" "web_fw_ingress" {
  for_each = {
    "tcp-80-0.0.0.0/0" = {
      description = "HTTP and HTTPS from anywhere"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-443-0.0.0.0/0" = {
      description = "HTTP and HTTPS from anywhere"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-80-::/0" = {
      description = "HTTP and HTTPS from anywhere"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = null
      cidr_ipv6   = "::/0"
    }
    "tcp-443-::/0" = {
      description = "HTTP and HTTPS from anywhere"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = null
      cidr_ipv6   = "::/0"
    }
  }

  security_group_id = aws_security_group.web_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_vpc_security_group_egress_rule" "web_fw_egress" {
  for_each = {
    "tcp-80-10.20.0.0/16" = {
      description = "to the web servers"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = "10.20.0.0/16"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.web_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_db_subnet_group" "db" {
  name       = "shop-web-emu-db"
  subnet_ids = [aws_subnet.private_a.id, aws_subnet.public_a.id, aws_subnet.public_b.id]
}

resource "aws_db_instance" "db" {
  identifier              = "shop-web-emu-db"
  engine                  = "postgres"
  engine_version          = "16"
  instance_class          = "db.t3.small"
  allocated_storage       = 50
  storage_type            = "gp3"
  storage_encrypted       = true
  multi_az                = false
  backup_retention_period = 7

  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.app_fw.id]
  publicly_accessible    = false

  username                    = "dbadmin"
  manage_master_user_password = true

  copy_tags_to_snapshot = true
  deletion_protection   = false
  skip_final_snapshot   = true
}

resource "aws_security_group" "app_fw" {
  name        = "shop-web-emu-app-fw"
  description = "Firewall app-fw of blueprint shop-web-emu"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "shop-web-emu-app-fw"
  }
}

resource "aws_vpc_security_group_ingress_rule" "app_fw_ingress" {
  for_each = {
    "tcp-80-10.20.1.0/24" = {
      description = "from the load balancer subnets"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = "10.20.1.0/24"
      cidr_ipv6   = null
    }
    "tcp-80-10.20.2.0/24" = {
      description = "from the load balancer subnets"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = "10.20.2.0/24"
      cidr_ipv6   = null
    }
    "tcp-5432-10.20.0.0/16" = {
      description = "PostgreSQL inside the network"
      ip_protocol = "tcp"
      from_port   = 5432
      to_port     = 5432
      cidr_ipv4   = "10.20.0.0/16"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.app_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_vpc_security_group_egress_rule" "app_fw_egress" {
  for_each = {
    "tcp-443-0.0.0.0/0" = {
      description = "package updates and external APIs"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.app_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_s3_bucket" "uploads" {
  bucket_prefix = "shop-web-emu-uploads-"
  force_destroy = false
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }

    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    id     = "age-based"
    status = "Enabled"

    filter {}

    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}

resource "aws_route53_record" "www" {
  zone_id = data.aws_route53_zone.shop_example_com.zone_id
  name    = "www.shop.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_lb.web_lb.dns_name]
}
