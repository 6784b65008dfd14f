using System.Text.Json;
using System.Text.Json.Nodes;
using Duban.IntegrationTests.Infrastructure;

namespace Duban.IntegrationTests.Contract;

/// <summary>
/// The API contract is committed at docs/openapi/v1.json so that every change to it shows in a diff.
/// When this fails on purpose, regenerate with: DUBAN_UPDATE_OPENAPI=1 scripts/test.sh (or dotnet test with it set).
/// </summary>
[Collection(OnSqlite.Name)]
public sealed class OpenApiTests(SqliteFactory app)
{
    private static readonly string Committed = Path.Combine(Repo.Root, "docs", "openapi", "v1.json");

    [Fact]
    public async Task The_generated_document_matches_the_committed_one()
    {
        var json = await app.Data.AnonymousClient().GetStringAsync("/openapi/v1.json");
        var generated = Normalize(json);
        if (Environment.GetEnvironmentVariable("DUBAN_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Committed)!);
            await File.WriteAllTextAsync(Committed, generated);
        }

        Assert.True(File.Exists(Committed), $"{Committed} is missing. Generate it with DUBAN_UPDATE_OPENAPI=1.");
        var committed = await File.ReadAllTextAsync(Committed);
        Assert.True(
            committed == generated,
            "The API contract changed. Review the change, then regenerate docs/openapi/v1.json with DUBAN_UPDATE_OPENAPI=1 and commit it.");
    }

    [Fact]
    public async Task Every_operation_is_under_api_v1_and_documents_its_statuses()
    {
        var doc = JsonNode.Parse(await app.Data.AnonymousClient().GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        Assert.NotEmpty(paths);
        foreach (var (path, item) in paths)
        {
            Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal);
            foreach (var (_, operation) in item!.AsObject())
            {
                Assert.NotEmpty(operation!["responses"]!.AsObject());
            }
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonNode.Parse(json), Indented) + "\n";
}
