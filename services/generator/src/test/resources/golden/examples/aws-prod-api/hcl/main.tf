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

data "aws_route53_zone" "orders_example_com" {
  name         = "orders.example.com"
  private_zone = false
}

resource "aws_vpc" "vpc" {
  cidr_block           = "10.80.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "orders-api-prod-vpc"
  }
}

resource "aws_internet_gateway" "vpc" {
  vpc_id = aws_vpc.vpc.id

  tags = {
    Name = "orders-api-prod-vpc"
  }
}

resource "aws_route_table" "vpc_public" {
  vpc_id = aws_vpc.vpc.id

  tags = {
    Name = "orders-api-prod-vpc-public"
  }
}

resource "aws_route" "vpc_internet" {
  route_table_id         = aws_route_table.vpc_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.vpc.id
}

resource "aws_subnet" "edge_a" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.80.0.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "orders-api-prod-edge-a"
  }
}

resource "aws_route_table_association" "edge_a" {
  subnet_id      = aws_subnet.edge_a.id
  route_table_id = aws_route_table.vpc_public.id
}

resource "aws_subnet" "edge_b" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.80.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "orders-api-prod-edge-b"
  }
}

resource "aws_route_table_association" "edge_b" {
  subnet_id      = aws_subnet.edge_b.id
  route_table_id = aws_route_table.vpc_public.id
}

resource "aws_subnet" "app_a" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.80.10.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 2)
  map_public_ip_on_launch = false

  tags = {
    Name = "orders-api-prod-app-a"
  }
}

resource "aws_subnet" "app_b" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = "10.80.11.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 3)
  map_public_ip_on_launch = false

  tags = {
    Name = "orders-api-prod-app-b"
  }
}

resource "aws_instance" "api_a" {
  count = 2

  ami                         = data.aws_ami.ubuntu_24_04.id
  instance_type               = "m6i.xlarge"
  subnet_id                   = aws_subnet.app_a.id
  vpc_security_group_ids      = [aws_security_group.app_fw.id]
  associate_public_ip_address = false

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_size = 50
    volume_type = "gp3"
  }

  tags = {
    Name = "orders-api-prod-api-a-${count.index}"
  }
}

resource "aws_instance" "api_b" {
  count = 2

  ami                         = data.aws_ami.ubuntu_24_04.id
  instance_type               = "m6i.xlarge"
  subnet_id                   = aws_subnet.app_b.id
  vpc_security_group_ids      = [aws_security_group.app_fw.id]
  associate_public_ip_address = false

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_size = 50
    volume_type = "gp3"
  }

  tags = {
    Name = "orders-api-prod-api-b-${count.index}"
  }
}

resource "aws_lb" "api_lb" {
  name                       = "orders-api-prod-api-lb"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = [aws_subnet.edge_a.id, aws_subnet.edge_b.id]
  security_groups            = [aws_security_group.lb_fw.id]
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "api_lb_https_443" {
  name        = "orders-api-prod-api-lb-https-443"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = aws_vpc.vpc.id
  target_type = "instance"
}

resource "aws_lb_listener" "api_lb_https_443" {
  load_balancer_arn = aws_lb.api_lb.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.api_lb_certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api_lb_https_443.arn
  }
}

resource "aws_lb_target_group_attachment" "api_lb_https_443_api_a" {
  count = 2

  target_group_arn = aws_lb_target_group.api_lb_https_443.arn
  target_id        = aws_instance.api_a[count.index].id
  port             = 8080
}

resource "aws_lb_target_group_attachment" "api_lb_https_443_api_b" {
  count = 2

  target_group_arn = aws_lb_target_group.api_lb_https_443.arn
  target_id        = aws_instance.api_b[count.index].id
  port             = 8080
}

resource "aws_security_group" "lb_fw" {
  name        = "orders-api-prod-lb-fw"
  description = "Firewall lb-fw of blueprint orders-api-prod"
  vpc_id      = aws_vpc.vpc.id

  tags = {
    Name = "orders-api-prod-lb-fw"
  }
}

resource "aws_vpc_security_group_ingress_rule" "lb_fw_ingress" {
  for_each = {
    "tcp-443-0.0.0.0/0" = {
      description = "HTTPS"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-443-::/0" = {
      description = "HTTPS"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = null
      cidr_ipv6   = "::/0"
    }
  }

  security_group_id = aws_security_group.lb_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_vpc_security_group_egress_rule" "lb_fw_egress" {
  for_each = {
    "tcp-8080-10.80.10.0/24" = {
      description = null
      ip_protocol = "tcp"
      from_port   = 8080
      to_port     = 8080
      cidr_ipv4   = "10.80.10.0/24"
      cidr_ipv6   = null
    }
    "tcp-8080-10.80.11.0/24" = {
      description = null
      ip_protocol = "tcp"
      from_port   = 8080
      to_port     = 8080
      cidr_ipv4   = "10.80.11.0/24"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.lb_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_db_subnet_group" "orders_db" {
  name       = "orders-api-prod-orders-db"
  subnet_ids = [aws_subnet.app_a.id, aws_subnet.edge_a.id, aws_subnet.edge_b.id, aws_subnet.app_b.id]
}

resource "aws_db_instance" "orders_db" {
  identifier              = "orders-api-prod-orders-db"
  engine                  = "postgres"
  engine_version          = "16"
  instance_class          = "db.m6i.2xlarge"
  allocated_storage       = 500
  storage_type            = "gp3"
  storage_encrypted       = true
  multi_az                = true
  backup_retention_period = 14

  db_subnet_group_name   = aws_db_subnet_group.orders_db.name
  vpc_security_group_ids = [aws_security_group.app_fw.id]
  publicly_accessible    = false

  username                    = "dbadmin"
  manage_master_user_password = true

  copy_tags_to_snapshot     = true
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "orders-api-prod-orders-db-final"
}

resource "aws_security_group" "app_fw" {
  name        = "orders-api-prod-app-fw"
  description = "Firewall app-fw of blueprint orders-api-prod"
  vpc_id      = aws_vpc.vpc.id

  tags = {
    Name = "orders-api-prod-app-fw"
  }
}

resource "aws_vpc_security_group_ingress_rule" "app_fw_ingress" {
  for_each = {
    "tcp-8080-10.80.0.0/23" = {
      description = "from the load balancer"
      ip_protocol = "tcp"
      from_port   = 8080
      to_port     = 8080
      cidr_ipv4   = "10.80.0.0/23"
      cidr_ipv6   = null
    }
    "tcp-5432-10.80.10.0/24" = {
      description = "app to database"
      ip_protocol = "tcp"
      from_port   = 5432
      to_port     = 5432
      cidr_ipv4   = "10.80.10.0/24"
      cidr_ipv6   = null
    }
    "tcp-5432-10.80.11.0/24" = {
      description = "app to database"
      ip_protocol = "tcp"
      from_port   = 5432
      to_port     = 5432
      cidr_ipv4   = "10.80.11.0/24"
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
      description = null
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

resource "aws_route53_record" "api_dns" {
  zone_id = data.aws_route53_zone.orders_example_com.zone_id
  name    = "api.orders.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_lb.api_lb.dns_name]
}
