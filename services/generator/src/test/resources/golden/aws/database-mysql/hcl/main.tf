data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.8.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-mysql-main"
  }
}

resource "aws_subnet" "data_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.8.1.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-mysql-data-a"
  }
}

resource "aws_subnet" "data_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.8.2.0/24"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-mysql-data-b"
  }
}

resource "aws_db_subnet_group" "catalog" {
  name       = "case-mysql-catalog"
  subnet_ids = [aws_subnet.data_a.id, aws_subnet.data_b.id]
}

resource "aws_db_instance" "catalog" {
  identifier              = "case-mysql-catalog"
  engine                  = "mysql"
  engine_version          = "8.0"
  instance_class          = "db.t3.small"
  allocated_storage       = 50
  storage_type            = "gp3"
  storage_encrypted       = true
  multi_az                = false
  backup_retention_period = 7

  db_subnet_group_name = aws_db_subnet_group.catalog.name
  publicly_accessible  = false

  username                    = "dbadmin"
  manage_master_user_password = true

  copy_tags_to_snapshot = true
  deletion_protection   = false
  skip_final_snapshot   = true
}
