package io.mvinfra.host.web.e2e;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import buttons.ButtonScript;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Test stand-in for the Cloudflare "create DNS record" button, which another branch writes: it follows the
 * references the real one follows (record → domain → registrar → credential), sends Cloudflare's request
 * ({@code POST {apiBaseUrl}/zones/{zone id}/dns_records}, Bearer token) and stores the id Cloudflare answers.
 * The browser test drives it exactly as it will drive the real button.
 */
public class CreateDnsRecordViaStub extends ButtonScript {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void execute(Map<String, Object> ctx) throws BusinessException {
        DnsRecord record = entity(ctx, DnsRecord.class);
        DomainName domain = resolve(record.getDomainName(), DomainName.class, "The record's domain");
        ServiceProvider provider = resolve(domain.getRegistrar(), ServiceProvider.class, "The domain's registrar");
        Credential credential = resolve(provider.getCredential(), Credential.class, "The provider's credential");
        if (domain.getProviderSideId() == null) {
            throw new BusinessException("The domain " + domain.getName() + " has no Cloudflare zone id yet: list the domains first");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", record.getRecordType());
        body.put("name", record.getName());
        body.put("content", record.getValue());
        body.put("ttl", record.getTtl());
        body.put("proxied", Boolean.TRUE.equals(record.getProxied()));
        String url = provider.getApiBaseUrl() + "/zones/" + domain.getProviderSideId() + "/dns_records";
        if (Boolean.TRUE.equals(ctx.get("dryRun"))) {
            message(ctx, "Dry run: would POST %s %s", url, body);
            return;
        }
        Request request;
        try {
            request = new Request.Builder().url(url).header("Authorization", "Bearer " + credential.getToken())
                    .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON)).build();
        } catch (IOException e) {
            throw new BusinessException("cannot write the request: " + e.getMessage());
        }
        try (Response response = HTTP.newCall(request).execute()) {
            JsonNode answer = MAPPER.readTree(response.body().string());
            if (!response.isSuccessful() || !answer.path("success").asBoolean()) {
                JsonNode error = answer.path("errors").path(0);
                throw new BusinessException("cloudflare refused the request (HTTP " + response.code() + ", " + error.path("code").asText("?")
                        + "): " + error.path("message").asText("no message"));
            }
            String id = answer.path("result").path("id").asText();
            record.setProviderSideId(id);
            save(record);
            message(ctx, "DNS record %s created (id %s)", record.getName(), id);
        } catch (IOException e) {
            throw new BusinessException("cloudflare did not answer: " + e.getMessage());
        }
    }
}
