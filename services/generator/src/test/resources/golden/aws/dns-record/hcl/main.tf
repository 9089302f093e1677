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

data "aws_route53_zone" "example_com" {
  name         = "example.com"
  private_zone = false
}

resource "aws_vpc" "main" {
  cidr_block           = "10.11.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-dns-main"
  }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "case-dns-main"
  }
}

resource "aws_route_table" "main_public" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "case-dns-main-public"
  }
}

resource "aws_route" "main_internet" {
  route_table_id         = aws_route_table.main_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

resource "aws_subnet" "edge_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.11.0.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-dns-edge-a"
  }
}

resource "aws_route_table_association" "edge_a" {
  subnet_id      = aws_subnet.edge_a.id
  route_table_id = aws_route_table.main_public.id
}

resource "aws_subnet" "edge_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.11.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-dns-edge-b"
  }
}

resource "aws_route_table_association" "edge_b" {
  subnet_id      = aws_subnet.edge_b.id
  route_table_id = aws_route_table.main_public.id
}

resource "aws_instance" "web" {
  count = 1

  ami                         = data.aws_ami.ubuntu_24_04.id
  instance_type               = "t3.small"
  subnet_id                   = aws_subnet.edge_a.id
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
    Name = "case-dns-web-${count.index}"
  }
}

resource "aws_lb" "web_lb" {
  name                       = "case-dns-web-lb"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = [aws_subnet.edge_a.id, aws_subnet.edge_b.id]
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "web_lb_http_80" {
  name        = "case-dns-web-lb-http-80"
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
  count = 1

  target_group_arn = aws_lb_target_group.web_lb_http_80.arn
  target_id        = aws_instance.web[count.index].id
  port             = 80
}

resource "aws_route53_record" "www" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "www.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["shop.example.net"]
}

resource "aws_route53_record" "apex" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "example.com"
  type    = "A"

  alias {
    name                   = aws_lb.web_lb.dns_name
    zone_id                = aws_lb.web_lb.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "direct" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "direct.example.com"
  type    = "A"
  ttl     = 60
  records = aws_instance.web[*].public_ip
}

resource "aws_route53_record" "spf" {
  zone_id = data.aws_route53_zone.example_com.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 -all"]

  depends_on = [aws_instance.web]
}
