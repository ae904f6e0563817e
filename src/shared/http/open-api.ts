import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemSchema } from './api-problems.decorator';

/** Swagger UI at `/docs`, the OpenAPI 3 document at `/docs-json`; `patches` amend the generated document. */
export function setUpOpenApi(
  app: NestFastifyApplication,
  ...patches: ((document: OpenAPIObject) => void)[]
): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('phone-billing')
      .setDescription(
        "Bills phone calls: each call is charged once at ingestion by the customer's billing plan, and every customer gets an invoice for each closed calendar month in their own time zone. Errors are RFC 9457 problem details.",
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description:
          'The operator key (OPERATOR_API_KEY) or a customer key (pbk_c_..., returned once when the customer is created or its key rotated). Each operation says which it takes.',
      })
      .build(),
    // Problem responses reference this schema by name (see ApiProblems).
    { extraModels: [ProblemSchema] },
  );
  for (const patch of patches) patch(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
