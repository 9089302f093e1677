package io.dharma.generator.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both syntaxes from one model: literals, references, templates, keywords, nested blocks. */
class RenderersTest {

    private static final HclRenderer HCL = new HclRenderer();
    private static final JsonRenderer JSON = new JsonRenderer();

    private static final List<Block> CONFIGURATION = List.of(
            Blocks.variable("password", body -> body
                    .attr("type", Expression.keyword("string"))
                    .attr("sensitive", true)),
            Blocks.resource("aws_instance", "web", body -> body
                    .attr("count", 2)
                    .blank()
                    .attr("user_data", "echo ${HOME} %{ok} \"quoted\" \\ back\nslash")
                    .attr("tags", Expression.object(Map.of("Name", Expression.template("web-${count.index}"))))
                    .ref("subnet_id", "aws_subnet.app.id")
                    .block("ebs_block_device", disk -> disk.attr("volume_size", 10))
                    .block("ebs_block_device", disk -> disk.attr("volume_size", 20))
                    .attr("depends_on", Expression.list(Expression.keyword("aws_vpc.main")))));

    @Test
    void hclIsLaidOutLikeTerraformFmt() {
        assertThat(HCL.render(CONFIGURATION)).isEqualTo("""
                variable "password" {
                  type      = string
                  sensitive = true
                }

                resource "aws_instance" "web" {
                  count = 2

                  user_data = "echo $${HOME} %%{ok} \\"quoted\\" \\\\ back\\nslash"
                  tags = {
                    Name = "web-${count.index}"
                  }
                  subnet_id = aws_subnet.app.id

                  ebs_block_device {
                    volume_size = 10
                  }

                  ebs_block_device {
                    volume_size = 20
                  }

                  depends_on = [aws_vpc.main]
                }
                """);
    }

    @Test
    void jsonEscapesLiteralsWrapsReferencesAndKeepsKeywordsPlain() {
        assertThat(JSON.render(CONFIGURATION)).isEqualTo("""
                {
                  "variable": {
                    "password": {
                      "type": "string",
                      "sensitive": true
                    }
                  },
                  "resource": {
                    "aws_instance": {
                      "web": {
                        "count": 2,
                        "user_data": "echo $${HOME} %%{ok} \\"quoted\\" \\\\ back\\nslash",
                        "tags": {
                          "Name": "web-${count.index}"
                        },
                        "subnet_id": "${aws_subnet.app.id}",
                        "ebs_block_device": [
                          {
                            "volume_size": 10
                          },
                          {
                            "volume_size": 20
                          }
                        ],
                        "depends_on": [
                          "aws_vpc.main"
                        ]
                      }
                    }
                  }
                }
                """);
    }

    @Test
    void objectKeysThatAreNotIdentifiersAreQuoted() {
        String hcl = HCL.render(List.of(Blocks.locals(body -> body.attr("tags", Expression.object(Map.of(
                "cost-center", Expression.string("a"), "team:owner", Expression.string("b")))))));

        assertThat(hcl).contains("cost-center").contains("\"team:owner\"");
    }

    /** hcl4j rejects lexical errors; it tolerates unclosed braces, which the syntax tests catch by comparing with the JSON. */
    @Test
    void theHclParserOfTheSyntaxTestsRejectsBrokenHcl() {
        assertThatThrownBy(() -> new HCLParser().parse("resource \"a\" \"b\" {\n  x = = 1\n}\n"))
                .hasMessageContaining("Illegal character");
        assertThatThrownBy(() -> new HCLParser().parse("x = \"unterminated\n"))
                .hasMessageContaining("Illegal character");
    }

    @Test
    void aDuplicateResourceIsRefusedRatherThanMergedInJson() {
        Block vpc = Blocks.resource("aws_vpc", "main", body -> body.attr("cidr_block", "10.0.0.0/16"));

        assertThatThrownBy(() -> JSON.render(List.of(vpc, vpc)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate resource aws_vpc.main");
    }
}
