namespace Duban.Data;

/// <summary>A personal access token for API clients. Only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
