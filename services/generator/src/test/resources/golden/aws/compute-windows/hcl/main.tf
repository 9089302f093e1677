data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ami" "windows_2022" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["Windows_Server-2022-English-Full-Base-*"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

resource "aws_vpc" "main" {
  cidr_block           = "10.4.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-windows-main"
  }
}

resource "aws_subnet" "app" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.4.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-windows-app"
  }
}

resource "aws_instance" "win" {
  count = 1

  ami                         = data.aws_ami.windows_2022.id
  instance_type               = "t3.small"
  subnet_id                   = aws_subnet.app.id
  associate_public_ip_address = false

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted   = true
    volume_size = 128
    volume_type = "gp3"
  }

  tags = {
    Name = "case-windows-win-${count.index}"
  }
}
