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

resource "aws_vpc" "main" {
  cidr_block           = "10.2.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-firewall-main"
  }
}

resource "aws_subnet" "app" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.2.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-firewall-app"
  }
}

resource "aws_instance" "vm" {
  count = 1

  ami                         = data.aws_ami.ubuntu_24_04.id
  instance_type               = "t3.small"
  subnet_id                   = aws_subnet.app.id
  vpc_security_group_ids      = [aws_security_group.vm_fw.id]
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
    Name = "case-firewall-vm-${count.index}"
  }
}

resource "aws_security_group" "vm_fw" {
  name        = "case-firewall-vm-fw"
  description = "Firewall vm-fw of blueprint case-firewall"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "case-firewall-vm-fw"
  }
}

resource "aws_vpc_security_group_ingress_rule" "vm_fw_ingress" {
  for_each = {
    "tcp-80-0.0.0.0/0" = {
      description = "web traffic (HTTP & HTTPS)"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-443-0.0.0.0/0" = {
      description = "web traffic (HTTP & HTTPS)"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = "0.0.0.0/0"
      cidr_ipv6   = null
    }
    "tcp-80-::/0" = {
      description = "web traffic (HTTP & HTTPS)"
      ip_protocol = "tcp"
      from_port   = 80
      to_port     = 80
      cidr_ipv4   = null
      cidr_ipv6   = "::/0"
    }
    "tcp-443-::/0" = {
      description = "web traffic (HTTP & HTTPS)"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ipv4   = null
      cidr_ipv6   = "::/0"
    }
    "udp-60000-61000-10.0.0.0/8" = {
      description = null
      ip_protocol = "udp"
      from_port   = 60000
      to_port     = 61000
      cidr_ipv4   = "10.0.0.0/8"
      cidr_ipv6   = null
    }
    "icmp-10.2.0.0/16" = {
      description = null
      ip_protocol = "icmp"
      from_port   = -1
      to_port     = -1
      cidr_ipv4   = "10.2.0.0/16"
      cidr_ipv6   = null
    }
  }

  security_group_id = aws_security_group.vm_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}

resource "aws_vpc_security_group_egress_rule" "vm_fw_egress" {
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

  security_group_id = aws_security_group.vm_fw.id
  description       = each.value.description
  ip_protocol       = each.value.ip_protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
}
