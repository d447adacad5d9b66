using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

// One account link from the server at args[0] with nothing but the BCL: the form body written by hand, the
// response's url read with Utf8JsonReader. What a fresh process pays at the least for the same call.
using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
using var request = new HttpRequestMessage(HttpMethod.Post, "v1/account_links")
{
    Content = new StringContent(
        "account=acct_1032D82eZvKYlo2C&refresh_url=https%3A%2F%2Fexample.com%2Freauth&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
        Encoding.UTF8,
        "application/x-www-form-urlencoded"),
};
request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_123");
using HttpResponseMessage response = await http.SendAsync(request);
byte[] body = await response.Content.ReadAsByteArrayAsync();
response.EnsureSuccessStatusCode();

var reader = new Utf8JsonReader(body);
while (reader.Read())
{
    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("url"u8) && reader.Read())
    {
        Console.WriteLine(reader.GetString());
        return 0;
    }
}

Console.Error.WriteLine("The response has no url.");
return 1;
